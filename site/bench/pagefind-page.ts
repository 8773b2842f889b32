/**
 * A search page on Pagefind's JavaScript API, written into the built site for the benchmark
 * only: the same debounce as the médiathèque island, the first 10 results' titles rendered,
 * and a status line like the island's, so that both are timed the same way.
 */
export function pagefindBenchPage(debounceMs: number): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Pagefind (benchmark)</title></head>
<body>
<label for="q">Rechercher</label><input id="q" type="search" autocomplete="off">
<p id="status" role="status"></p><ol id="results"></ol>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init();
const input = document.getElementById('q');
const status = document.getElementById('status');
const list = document.getElementById('results');
let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const q = input.value;
    const search = await pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
    list.replaceChildren(...data.map((item) => {
      const li = document.createElement('li');
      li.textContent = item.meta.title;
      return li;
    }));
    status.textContent = search.results.length + ' résultats pour « ' + q + ' »';
  }, ${debounceMs});
});
</script>
</body></html>
`;
}
