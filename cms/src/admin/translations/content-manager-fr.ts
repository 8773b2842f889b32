// The content manager's texts Strapi ships in English only (its fr.json lacks them): the
// screens editors work in all day. Keys as in @strapi/content-manager's en.json; ICU
// placeholders and tags kept as they are. A test compares this list with Strapi's at each
// upgrade (cms/tests/unit/admin-translations.test.ts).
export const CONTENT_MANAGER_FR: Record<string, string> = {
  'actions.delete.label':
    'Supprimer l’entrée{isLocalized, select, true { (toutes les langues)} other {}}',
  'actions.open-in-new-tab.label': 'Ouvrir dans un nouvel onglet',
  'actions.copy-documentId.label': 'Copier l’identifiant du document',
  'actions.copy-documentId.success': 'Identifiant du document copié',
  'components.DynamicZone.extra-components':
    '{number, plural, =0 {Aucun composant en plus} one {# composant en plus} other {# composants en plus}}',
  'components.DynamicZone.unknown-component': 'Composant inconnu',
  'components.DynamicZone.move-up': 'Monter',
  'components.DynamicZone.move-down': 'Descendre',
  'components.RelationInputModal.modal-title': 'Modifier une relation',
  'components.RelationInputModal.button-fullpage': 'Aller à l’entrée',
  'components.RelationInputModal.confirmation-message':
    'Des modifications ne sont pas enregistrées. Fermer cette relation quand même ? Les modifications non enregistrées seront perdues.',
  'containers.edit.information.last-published.value':
    '{time}{isAnonymous, select, true {} other { par {author}}}',
  'containers.edit.information.last-draft.value':
    '{time}{isAnonymous, select, true {} other { par {author}}}',
  'containers.edit.information.document.value':
    '{time}{isAnonymous, select, true {} other { par {author}}}',
  'containers.edit.information.documentId.label': 'Identifiant du document',
  'containers.List.statusFilter.draft': 'Brouillon (jamais publié)',
  'containers.List.statusFilter.published': 'Publié (tous)',
  'containers.List.statusFilter.publishedModified': 'Publié (modifié depuis)',
  'containers.List.statusFilter.publishedUnmodified': 'Publié (non modifié depuis)',
  'containers.list.filters.status': 'Statut',
  'containers.list.selectedEntriesModal.title': 'Publier des entrées',
  'containers.list.selectedEntriesModal.selectedCount.publish':
    '<b>{publishedCount}</b> {publishedCount, plural, =0 {entrée déjà publiée} one {entrée déjà publiée} other {entrées déjà publiées}}. <b>{draftCount}</b> {draftCount, plural, =0 {entrée prête} one {entrée prête} other {entrées prêtes}} à publier. <b>{withErrorsCount}</b> {withErrorsCount, plural, =0 {entrée attend} one {entrée attend} other {entrées attendent}} une correction.',
  'containers.list.selectedEntriesModal.selectedCount.unpublish':
    '<b>{draftCount}</b> {draftCount, plural, =0 {entrée déjà dépubliée} one {entrée déjà dépubliée} other {entrées déjà dépubliées}}. <b>{publishedCount}</b> {publishedCount, plural, =0 {entrée prête} one {entrée prête} other {entrées prêtes}} à dépublier.',
  'containers.list.autoCloneModal.error.unique':
    'Un champ unique ne peut pas avoir la même valeur dans deux entrées.',
  'containers.list.autoCloneModal.error.relation':
    'Dupliquer la relation pourrait la retirer de l’entrée d’origine.',
  'containers.edit-settings.modal-form.mainField.hint':
    'Le champ affiché, dans la liste comme dans la fiche',
  'containers.edit-settings.modal-form.size': 'Taille',
  'containers.SettingPage.add.relational-field': 'Ajouter un autre champ relationnel',
  'containers.SettingPage.editSettings.relationOpenMode': 'Ouverture des relations',
  'containers.SettingPage.editSettings.relationOpenMode.description':
    'Comment s’ouvre une entrée liée quand on clique dessus',
  'containers.SettingPage.editSettings.relationOpenMode.modal': 'Dans une fenêtre (par défaut)',
  'containers.SettingPage.editSettings.relationOpenMode.newTab': 'Dans un nouvel onglet',
  'containers.SettingPage.editSettings.relationOpenMode.page': 'À la place de la page',
  'containers.SettingPage.relations': 'Champs relationnels',
  // "max. 160 characters" under a text field: "160 caractères au plus".
  'form.Input.hint.character.unit': '{maxValue, plural, one { caractère} other { caractères}}',
  'form.Input.hint.minMaxDivider': ' / ',
  'form.Input.hint.text':
    '{min, select, undefined {} other {min. {min}}}{divider}{max, select, undefined {} other {max. {max}}}{unit}{br}{description}',
  'permissions.not-allowed.locale':
    'Vos droits ne permettent pas d’accéder à ce contenu dans cette langue',
  'popUpWarning.warning.has-draft-relations.title': 'Confirmation',
  'popUpWarning.warning.has-draft-relations.message':
    'Cette entrée est liée à {count, plural, one {# entrée en brouillon} other {# entrées en brouillon}}. {count, plural, one {Ce lien ne figurera pas dans la version publiée.} other {Ces liens ne figureront pas dans la version publiée.}}',
  'popUpWarning.warning.has-draft-m2m-relations.message':
    '{count, plural, one {# entrée liée est encore en brouillon. Elle apparaîtra sur le site une fois publiée.} other {# entrées liées sont encore en brouillon. Elles apparaîtront sur le site une fois publiées.}}',
  'popUpWarning.warning.has-draft-m2m-relations.additional':
    '{count, plural, one {# lien pointe} other {# liens pointent}} vers des brouillons, qui deviendront visibles une fois publiés.',
  'popUpwarning.warning.bulk-has-draft-relations.message':
    '<b>{count} {count, plural, one { relation } other { relations } } sur {entities} { entities, plural, one { entrée } other { entrées } } {count, plural, one { n’est } other { ne sont } }</b> pas encore {count, plural, one { publiée } other { publiées } }, ce qui peut surprendre. ',
  'popUpWarning.warning.unpublish':
    'Si vous ne publiez pas ce contenu, il redeviendra automatiquement un brouillon.',
  'popUpWarning.warning.unpublish-question': 'Ne pas le publier ?',
  'preview.panel.title': 'Aperçu',
  'preview.panel.button': 'Ouvrir l’aperçu',
  'preview.panel.button-configuration': 'Configurer l’aperçu',
  'preview.panel.button-disabled-tooltip': 'Enregistrez pour ouvrir l’aperçu',
  'preview.page-title': 'Aperçu : {contentType}',
  'preview.header.close': 'Fermer l’aperçu',
  'preview.copy.label': 'Copier le lien d’aperçu',
  'preview.copy.success': 'Lien d’aperçu copié',
  'preview.tabs.label': 'Version affichée',
  'preview.device.select': 'Type d’appareil',
  'preview.device.desktop': 'Ordinateur',
  'preview.device.mobile': 'Mobile',
  'preview.info.single-click-hint': 'Double-cliquez pour modifier',
  'preview.error.invalid-field-path': 'Ce champ est introuvable dans le document affiché',
  'preview.error.relations-not-handled':
    'Les relations ne se modifient pas encore depuis l’aperçu.',
  'preview.error.incomplete-strapi-source':
    'Il manque à ce champ des informations nécessaires à l’aperçu',
  'preview.error.different-document': 'Ce champ appartient à un autre document',
  'preview.error.script-failed':
    'Le script de l’aperçu n’a pas pu être chargé : la modification depuis l’aperçu peut être indisponible.',
  'relation.create': 'Créer une relation',
  'success.records.publish': 'Publié.',
  'listView.validation.errors.title': 'Action requise',
  'listView.validation.errors.message':
    'Vérifiez que tous les champs sont valides avant de publier (champ obligatoire, nombre de caractères…)',
  'history.sidebar.version-card.aria-label': 'Version',
  'history.sidebar.versionDescription':
    '{distanceToNow}{isAnonymous, select, true {} other { par {author}}}{isCurrent, select, true { <b>(actuelle)</b>} other {}}',
  'history.version.subtitle':
    '{hasLocale, select, true {{subtitle}, en {locale}} other {{subtitle}}}',
  'history.content.missing-assets.title':
    '{number, plural, =1 {Fichier manquant} other {{number} fichiers manquants}}',
  'history.content.missing-assets.message':
    '{number, plural, =1 {Il a été supprimé de la bibliothèque de médias et ne peut être restauré.} other {Ils ont été supprimés de la bibliothèque de médias et ne peuvent être restaurés.}}',
  'history.content.missing-relations.title':
    '{number, plural, =1 {Relation manquante} other {{number} relations manquantes}}',
  'history.content.missing-relations.message':
    '{number, plural, =1 {Elle a été supprimée et ne peut être restaurée.} other {Elles ont été supprimées et ne peuvent être restaurées.}}',
  'validation.error.unreadable-required-field':
    'Vos droits ne donnent pas accès à certains champs obligatoires. Demandez-les à un administrateur pour continuer.',
  // Asked for by the code without being in en.json.
  'plugin.name': 'Gestion du contenu',
  'components.Blocks.dnd.instruction':
    'Pour réorganiser les blocs, appuyez sur Commande ou Contrôle avec Maj et les flèches haut ou bas',
  'components.Blocks.dnd.reorder': '{item} déplacé. Nouvelle position dans l’éditeur : {position}.',
  'components.Blocks.expand': 'Agrandir',
  'components.Blocks.collapse': 'Réduire',
  'components.DynamicZone.more-actions': 'Plus d’actions',
  'components.DynamicZone.add-item-above': 'Ajouter un composant au-dessus',
  'components.DynamicZone.add-item-below': 'Ajouter un composant en dessous',
  'containers.list.table-headers.status': 'statut',
  'containers.ListPage.selectedEntriesModal.title': 'Publier des entrées',
  'containers.SettingPage.edit-settings.modal-form.mainField.hint': 'Le champ affiché',
  'containers.ListSettingsView.modal-form.size': 'Taille',
  'actions.unpublish.dialog.radio-label': 'Choisissez comment dépublier le document.',
  'Settings.list.actions.deleteAdditionalInfos':
    'Les versions des langues actives seront supprimées <em>(Internationalisation)</em>',
  'restore.success.title': 'Version restaurée.',
  'restore.success.message': 'Une version antérieure du contenu a été restaurée.',
  'history.sidebar.title.version-card.aria-label': 'Carte de version',
  // Strapi's French has "Les schéma".
  'App.schemas.data-loaded': 'Les schémas ont été chargés',
};
