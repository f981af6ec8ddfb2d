import { mount } from '../../app';
import { CriteriaPanelModule } from './CriteriaPanelModule';

mount(<CriteriaPanelModule />);
