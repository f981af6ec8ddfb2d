import { mount } from '../../app';
import { ProjectPage } from './ProjectPage';

mount(<ProjectPage />);
