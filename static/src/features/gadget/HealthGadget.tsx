/**
 * The "Backlog health" dashboard gadget: one entry for both views. Jira opens the edit view with
 * `extension.entryPoint === 'edit'`; the view reads the saved `extension.gadgetConfiguration`.
 */
import { getContext } from '../../bridge';
import { ErrorMessage, Spinner } from '../../components';
import { useAsync } from '../../hooks/useAsync';
import { readConfig } from './config';
import { GadgetEdit } from './GadgetEdit';
import { GadgetView } from './GadgetView';
import './gadget.css';

export function HealthGadget() {
  const [context, reload] = useAsync(getContext, []);
  if (context.status === 'loading') return <Spinner label="Loading the gadget…" />;
  if (context.status === 'error')
    return <ErrorMessage title="The gadget could not start" error={context.error} onRetry={reload} />;
  const config = readConfig(context.data.extension.gadgetConfiguration);
  return context.data.extension.entryPoint === 'edit' ? (
    <GadgetEdit initial={config} />
  ) : (
    <GadgetView config={config} />
  );
}
