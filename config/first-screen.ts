// H5 only: what the entry page needs is asked for by index.html itself, while app.js is still
// being fetched, parsed and run (under a slow CPU that is most of the time before a first paint).
// - The entry page's chunks (its own, and the shared page-vendors / page-common it needs) are
//   preloaded, so webpack finds them in the cache when the router asks instead of starting then.
// - An entry on a published content page (`#/pages/content/index?slug=…`, no preview, no live
//   draft, no code scene to decode) starts the page's read; services/page-prefetch.ts adopts it.
import type { Compiler } from 'webpack'

const PAGE_REQUEST = /^\.\/((?:pages|pkg-[\w-]+)\/[\w/-]+\/index)$/

/** The inline script: plain ES5, it runs untranspiled in every browser the build supports. */
export function firstScreenScript(pages: Record<string, string[]>, publicPath: string, apiBase: string, homePage: string): string {
  return `(function(){var h=location.hash.replace(/^#\\/?/,""),i=h.indexOf("?"),p=i<0?h:h.slice(0,i),s=i<0?"":h.slice(i+1),f=${JSON.stringify(pages)}[p||${JSON.stringify(homePage)}]||[],k,l;` +
    `for(k=0;k<f.length;k++){l=document.createElement("link");l.rel="preload";l.as=/\\.css$/.test(f[k])?"style":"script";l.href=${JSON.stringify(publicPath)}+f[k];document.head.appendChild(l)}` +
    `if(p!=="pages/content/index"||!window.fetch||!window.URLSearchParams)return;var q=new URLSearchParams(s),g=q.get("slug");` +
    `if(g&&!q.get("preview")&&!q.get("live")&&!q.get("scene")&&!q.get("cq")&&location.search.indexOf("scene=")<0)` +
    `window.__FIRST_PAGE_READ__={slug:g,answer:fetch(${JSON.stringify(apiBase)}+"/api/v1/pages/"+encodeURIComponent(g),{headers:{Accept:"application/json"}})}})()`
}

export class FirstScreenPlugin {
  constructor(private readonly options: { apiBase: string; homePage: string }) {}

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('first-screen', (compilation) => {
      // After html-webpack-plugin wrote index.html and after hashing, so file names are final.
      compilation.hooks.processAssets.tap({ name: 'first-screen', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, () => {
        const html = compilation.getAsset('index.html')
        if (!html) return
        const pages: Record<string, string[]> = {}
        for (const group of compilation.chunkGroups) {
          for (const origin of group.origins) {
            const page = PAGE_REQUEST.exec(origin.request ?? '')?.[1]
            if (!page) continue
            const files = new Set<string>()
            for (const chunk of group.chunks) for (const file of chunk.files) if (/\.(js|css)$/.test(file)) files.add(file)
            pages[page] = [...files]
          }
        }
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/'
        const script = `<script>${firstScreenScript(pages, publicPath, this.options.apiBase, this.options.homePage)}</script>`
        const text = html.source.source().toString()
        const at = text.indexOf('<script defer')
        if (at < 0) throw new Error('first-screen: no deferred script in index.html to go before')
        compilation.updateAsset('index.html', new sources.RawSource(text.slice(0, at) + script + text.slice(at)))
      })
    })
  }
}
