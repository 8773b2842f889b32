import type { AstroIntegration } from 'astro';

/**
 * `astro build` bundles the server half's dependencies into it, so a build folder runs
 * wherever it is (a release folder outside the project) and keeps working after an upgrade.
 * Only for builds: the dev server cannot inline CommonJS packages such as React.
 */
export function selfContainedServer(): AstroIntegration {
  return {
    name: 'dejala-self-contained-server',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            environments: {
              ssr: { resolve: { noExternal: true } },
              prerender: { resolve: { noExternal: true } },
            },
          },
        });
      },
    },
  };
}
