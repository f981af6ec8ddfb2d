import { mount } from '../../app';
import { BacklogAction } from './BacklogAction';

mount(<BacklogAction />);
