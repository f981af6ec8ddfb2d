export { Vision, default } from './Vision';
