export { Badge, type BadgeTone } from './Badge';
export { Button } from './Button';
export { EmptyState } from './EmptyState';
export { ErrorMessage } from './ErrorMessage';
export { Page } from './Page';
export { Section } from './Section';
export { Spinner } from './Spinner';
export { Table, type Column } from './Table';
