// Strapi's design system writes these labels in English wherever Strapi's code passes none
// of its own — the media dialog's close button, the date picker, a relation list's loader —
// and no translation reaches them. The admin relabels them as they appear, while the
// interface is in French. A walk through the built admin checks it
// (cms/tests/integration/admin-in-french.test.ts).
export const DESIGN_SYSTEM_FR: Record<string, string> = {
  'Close modal': 'Fermer',
  'Choose date': 'Choisir une date',
  'Choose time': 'Choisir une heure',
  Month: 'Mois',
  Year: 'Année',
  Clear: 'Effacer',
  clear: 'effacer',
  Loading: 'Chargement',
  'Loading content...': 'Chargement du contenu…',
  'Select or enter a value': 'Choisir ou saisir une valeur',
  On: 'Oui',
  Off: 'Non',
};

const ATTRIBUTES = ['aria-label', 'placeholder', 'title'];

const inFrench = () => document.documentElement.lang === 'fr';

/** Relabels an element's design-system defaults; leaves what editors type alone. */
function relabel(element: Element): void {
  if (element.closest('[contenteditable="true"]')) return;
  for (const name of ATTRIBUTES) {
    const french = DESIGN_SYSTEM_FR[element.getAttribute(name) ?? ''];
    if (french) element.setAttribute(name, french);
  }
  // A loader's text, or an icon button's hidden label, is its element's only child.
  const text = element.childNodes.length === 1 ? element.firstChild : null;
  const french = text?.nodeType === Node.TEXT_NODE && DESIGN_SYSTEM_FR[text.nodeValue ?? ''];
  if (french) text.nodeValue = french;
}

function relabelTree(node: Node): void {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  if (!element || !(element instanceof Element)) return;
  relabel(element);
  for (const inner of element.querySelectorAll('*')) relabel(inner);
}

/** Keeps the design system's labels French from now on, whatever React renders. */
export function keepDesignSystemLabelsInFrench(): void {
  new MutationObserver((mutations) => {
    if (!inFrench()) return;
    for (const mutation of mutations) {
      if (mutation.type === 'childList') mutation.addedNodes.forEach(relabelTree);
      else relabelTree(mutation.target);
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
}
