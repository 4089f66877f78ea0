/**
 * The gemeente type-ahead: an ARIA 1.2 combobox (editable, list autocomplete, manual selection)
 * over a listbox popup. Keys: ArrowDown/ArrowUp move, Enter or Tab accepts, Escape closes (and a
 * second Escape restores the chosen gemeente), Alt+ArrowDown opens, Home/End in the text.
 * Filtering is pure (gemeente-search.ts); this class only wires the DOM.
 */
import { h, setText } from './dom';
import type { GemeenteChoice, GemeenteOption } from './gemeente-search';
import { exactOption, filterOptions } from './gemeente-search';
import { NL } from './messages.nl';

export interface ComboboxCallbacks {
  onSelect(option: GemeenteOption): void;
  onInvalid(text: string): void;
}

export class GemeenteCombobox {
  readonly element: HTMLDivElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly count: HTMLSpanElement;
  private readonly toggle: HTMLButtonElement;
  private matches: GemeenteOption[] = [];
  private active = -1;
  private selected: GemeenteOption;

  constructor(
    private readonly options: readonly GemeenteOption[],
    initial: GemeenteChoice,
    private readonly callbacks: ComboboxCallbacks,
  ) {
    this.selected = options.find((o) => o.value === initial) ?? (options[0] as GemeenteOption);
    this.input = h('input', {
      id: 'gemeente-input',
      type: 'text',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'gemeente-list',
      'aria-describedby': 'gemeente-hint',
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      placeholder: NL.gemeente.placeholder,
    });
    this.input.value = this.selected.label;
    this.toggle = h(
      'button',
      { type: 'button', class: 'combobox-toggle', tabindex: '-1', 'aria-label': NL.gemeente.showAll },
      chevron(),
    );
    this.list = h('ul', {
      id: 'gemeente-list',
      role: 'listbox',
      'aria-label': NL.gemeente.label,
      hidden: true,
    });
    this.count = h('span', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.element = h('div', { class: 'combobox' }, this.input, this.toggle, this.list, this.count);

    this.input.addEventListener('input', () => this.open(this.input.value));
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => this.commit());
    this.input.addEventListener('click', () => {
      if (this.list.hidden) this.open('');
    });
    this.toggle.addEventListener('mousedown', (e) => e.preventDefault());
    this.toggle.addEventListener('click', () => {
      if (this.list.hidden) {
        this.open('');
        this.input.focus();
      } else this.close();
    });
    // Keep focus in the input while clicking an option.
    this.list.addEventListener('mousedown', (e) => e.preventDefault());
    this.list.addEventListener('click', (e) => {
      const li = (e.target as Element | null)?.closest('li[role="option"]');
      const index = li ? Number((li as HTMLElement).dataset['index']) : -1;
      const option = this.matches[index];
      if (option) this.accept(option);
    });
  }

  set disabled(value: boolean) {
    this.input.disabled = value;
    this.toggle.disabled = value;
    if (value) this.close();
  }

  /** Shows a choice made elsewhere (e.g. read back from the workbook). */
  show(choice: GemeenteChoice): void {
    const option = this.options.find((o) => o.value === choice);
    if (!option) return;
    this.selected = option;
    if (document.activeElement !== this.input) this.input.value = option.label;
  }

  private open(text: string): void {
    this.matches = filterOptions(this.options, text);
    this.active = text.trim() === '' ? this.matches.indexOf(this.selected) : this.matches.length > 0 ? 0 : -1;
    this.renderList();
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    setText(
      this.count,
      this.matches.length === 0 ? NL.gemeente.noResults : NL.gemeente.results(this.matches.length),
    );
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private renderList(): void {
    const items = this.matches.map((o, i) =>
      h(
        'li',
        {
          id: `gemeente-option-${o.value}`,
          role: 'option',
          'aria-selected': i === this.active ? 'true' : 'false',
          'data-index': String(i),
          class: o === this.selected ? 'option chosen' : 'option',
        },
        h('span', { class: 'option-label' }, o.label),
        o.detail ? h('span', { class: 'option-detail' }, o.detail) : undefined,
      ),
    );
    if (items.length === 0)
      items.push(h('li', { class: 'option empty', role: 'presentation' }, NL.gemeente.noResults));
    this.list.replaceChildren(...items);
    this.highlight();
  }

  private highlight(): void {
    const items = this.list.querySelectorAll<HTMLLIElement>('li[role="option"]');
    items.forEach((li, i) => li.setAttribute('aria-selected', i === this.active ? 'true' : 'false'));
    const current = items[this.active];
    if (current) {
      this.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private move(delta: number): void {
    if (this.matches.length === 0) return;
    const n = this.matches.length;
    this.active = this.active < 0 ? (delta > 0 ? 0 : n - 1) : (this.active + delta + n) % n;
    this.highlight();
  }

  private onKey(e: KeyboardEvent): void {
    const isOpen = !this.list.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!isOpen)
          this.open(e.altKey ? '' : this.input.value === this.selected.label ? '' : this.input.value);
        else if (!e.altKey) this.move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (isOpen && e.altKey) this.acceptActive();
        else if (isOpen) this.move(-1);
        break;
      case 'PageDown':
        if (isOpen) {
          e.preventDefault();
          this.move(10);
        }
        break;
      case 'PageUp':
        if (isOpen) {
          e.preventDefault();
          this.move(-10);
        }
        break;
      case 'Enter':
        if (isOpen) {
          e.preventDefault();
          this.acceptActive();
        }
        break;
      case 'Tab':
        if (isOpen && this.active >= 0) this.acceptActive();
        break;
      case 'Escape':
        if (isOpen) {
          e.preventDefault();
          this.close();
        } else if (this.input.value !== this.selected.label) {
          e.preventDefault();
          this.input.value = this.selected.label;
        }
        break;
    }
  }

  private acceptActive(): void {
    const option = this.matches[this.active];
    if (option) this.accept(option);
    else this.commit();
  }

  private accept(option: GemeenteOption): void {
    this.selected = option;
    this.input.value = option.label;
    this.close();
    this.callbacks.onSelect(option);
  }

  /** On leaving the field: an exact name or code is accepted; anything else is reported and undone. */
  private commit(): void {
    this.close();
    const text = this.input.value;
    if (text === this.selected.label) return;
    const exact = exactOption(this.options, text);
    if (exact) {
      this.accept(exact);
      return;
    }
    this.input.value = this.selected.label;
    if (text.trim() !== '') this.callbacks.onInvalid(text.trim());
  }
}

function chevron(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M3.5 6 8 10.5 12.5 6');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.5');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}
