export { HealthGadget } from './HealthGadget';
