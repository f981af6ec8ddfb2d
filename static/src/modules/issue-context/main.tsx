import { mount } from '../../app';
import { IssueContextModule } from './IssueContextModule';

mount(<IssueContextModule />);
