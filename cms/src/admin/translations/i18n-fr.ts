// The internationalisation plugin's texts Strapi ships in English only. No type of this site
// is translated, so editors should not meet them; translated all the same, so that a type
// made translatable one day does not bring English into the edit view.
export const I18N_FR: Record<string, string> = {
  'actions.delete.label': 'Supprimer l’entrée ({locale})',
  'actions.delete.dialog.title': 'Confirmation',
  'actions.delete.dialog.body': 'Voulez-vous vraiment supprimer cette langue ?',
  'actions.delete.error':
    'Une erreur est survenue pendant la suppression de cette langue du document.',
  'actions.publish.dialog.title': 'Confirmation',
  'CMEditViewCopyLocale.cancel-text': 'Non, annuler',
  'CMEditViewCopyLocale.dialog.title': 'Confirmation',
  'CMEditViewCopyLocale.dialog.body':
    'Le contenu actuel sera effacé et remplacé par celui de la langue choisie :',
  'CMEditViewCopyLocale.dialog.field.label': 'Langue',
  'CMEditViewCopyLocale.dialog.field.placeholder': 'Choisir une langue…',
  'CMEditViewBulkLocale.publish-title': 'Publier plusieurs langues',
  'CMEditViewBulkLocale.unpublish-title': 'Dépublier plusieurs langues',
  'CMEditViewBulkLocale.status': 'Statut',
  'CMEditViewBulkLocale.publication-status': 'Statut de publication',
  'CMEditViewBulkLocale.draft-relation-warning':
    'Certaines langues sont liées à des brouillons : les publier pourrait laisser des liens cassés sur le site.',
  'CMEditViewBulkLocale.continue-confirmation': 'Voulez-vous vraiment continuer ?',
  'CMEditViewAITranslation.status-aria-label': 'État de la traduction par l’IA',
  'CMEditViewAITranslation.status-title':
    '{enabled, select, true {Traduction par l’IA activée} false {Traduction par l’IA désactivée} other {Traduction par l’IA désactivée}}',
  'CMEditViewAITranslation.status-description':
    'L’IA traduit le contenu dans toutes les langues à chaque enregistrement dans la langue par défaut.',
  'CMEditViewAITranslation.settings-link':
    '{enabled, select, true {La désactiver dans les réglages} false {L’activer dans les réglages} other {L’activer dans les réglages}}',
  'CMEditViewAITranslation.job-completed': 'Traduction par l’IA terminée !',
  'CMEditViewAITranslation.job-failed': 'La traduction par l’IA a échoué. Réessayez.',
  'CMEditViewLocalePicker.locale.create': 'Créer la langue <bold>{locale}</bold>',
  'CMEditViewLocalePicker.locale.ai-translations': 'Traductions par l’IA :',
  'CMListView.popover.display-locales.more': '{locales} + {count} autres',
  'CheckboxConfirmation.Modal.title': 'Désactiver la traduction',
  'Settings.list.actions.publishAdditionalInfos':
    'Les versions des langues actives seront publiées <em>(Internationalisation)</em>',
  'Settings.list.actions.unpublishAdditionalInfos':
    'Les versions des langues actives seront dépubliées <em>(Internationalisation)</em>',
  'Settings.aiLocalizations.label': 'Traductions par l’IA',
  'Settings.aiLocalizations.description':
    'À chaque enregistrement dans la gestion du contenu, l’IA traduit depuis la langue par défaut vers toutes les autres.',
  'Settings.locales.modal.create.code.error': 'Choisissez une langue',
  'Settings.locales.modal.create.name.error.min':
    'Le nom affiché de la langue doit faire moins de 50 caractères.',
  'Settings.locales.modal.create.name.error.required': 'Donnez un nom affiché à la langue',
  'list-view.table.header.label': 'Disponible en',
};
