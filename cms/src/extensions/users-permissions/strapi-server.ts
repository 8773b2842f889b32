// The users-permissions plugin stays (its public role opens the published content to the
// site), but its "User" type is for visitors' accounts, which the site has none of: hidden
// from the content manager, where it only puzzled staff.
type Plugin = {
  contentTypes: Record<string, { schema: { pluginOptions?: Record<string, unknown> } }>;
};

export default (plugin: Plugin): Plugin => {
  const { schema } = plugin.contentTypes.user!;
  schema.pluginOptions = { ...schema.pluginOptions, 'content-manager': { visible: false } };
  return plugin;
};
