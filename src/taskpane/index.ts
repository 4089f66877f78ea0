/**
 * Entry of the task pane bundle (dist/taskpane.html).
 *
 * The UI is hand-written HTML/CSS in the Fluent 2 look rather than Fluent UI React or web components:
 * the pane has one combobox, four radios, a select and two buttons, so a framework would multiply the
 * bundle for no gain; native controls plus the ARIA combobox pattern give full keyboard and
 * screen-reader support, and the page renders instantly in Office's webview.
 */
import { TaskPane } from './controller';
import { officeServices } from './office-services';
import css from './taskpane.css';

// First thing the bundle does: say it runs. taskpane.html's ES5 check shows a Dutch message when this
// flag is missing (an old webview that cannot parse the bundle, or a bundle that did not load).
(window as Window & { __spukPaneLoaded?: boolean }).__spukPaneLoaded = true;

function mount(): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const root = document.getElementById('app');
  if (!root) return;
  const pane = new TaskPane(root, officeServices());
  void pane.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
