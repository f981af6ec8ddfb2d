import { mount } from '../../app';
import { HealthGadget } from '../../features/gadget';

mount(<HealthGadget />);
