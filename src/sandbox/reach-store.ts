// WeChat's records of the links and codes it handed out (URL Link, URL Scheme, Short Link),
// and the words msg_sec_check treats as risky, in memory like the rest of the sandbox.

export type LinkKind = 'urllink' | 'scheme' | 'shortlink'
export type EnvVersion = 'release' | 'trial' | 'develop'

export interface LinkRecord {
  kind: LinkKind
  /** The random part: wxaurl.cn/<ticket>, weixin://dl/business/?t=<ticket>, or the short link's last segment. */
  ticket: string
  /** What the API answered (url_link, openlink or link). */
  link: string
  /** Page path without query ('' is the home page). */
  path: string
  query: string
  envVersion: EnvVersion
  /** Unix seconds. */
  createTime: number
  /** Unix seconds; 0 for a permanent short link. */
  expireTime: number
  /** Short links only. */
  title?: string
  permanent?: boolean
  /** How many times the link page was opened (URL Links). */
  opens: number
}

export type SecSuggest = 'risky' | 'review'

/** A word that makes msg_sec_check answer `suggest` with `label` when the content contains it. */
export interface SecWord {
  word: string
  suggest: SecSuggest
  label: number
}

/**
 * msg_sec_check's labels: 100 正常, 10001 广告, 20001 时政, 20002 色情, 20003 辱骂,
 * 20006 违法犯罪, 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他.
 */
export const SEC_LABELS = [100, 10001, 20001, 20002, 20003, 20006, 20008, 20012, 20013, 21000] as const

/** The fixed list every sandbox starts with (POST /sandbox/mp/sec-words adds more). */
export const DEFAULT_SEC_WORDS: readonly SecWord[] = [
  { word: '违禁词', suggest: 'risky', label: 21000 },
  { word: '赌博', suggest: 'risky', label: 20006 },
  { word: '色情', suggest: 'risky', label: 20002 },
  { word: '傻逼', suggest: 'risky', label: 20003 },
  { word: '代开发票', suggest: 'risky', label: 20008 },
  { word: '加微信', suggest: 'review', label: 10001 }
]

export interface ReachStore {
  /** ticket → record, all three kinds. */
  links: Map<string, LinkRecord>
  secWords: SecWord[]
  /** Permanent short links made so far (WeChat allows 100,000 in all). */
  permanentShortLinks: number
}

export function createReachStore(): ReachStore {
  return { links: new Map(), secWords: DEFAULT_SEC_WORDS.map((w) => ({ ...w })), permanentShortLinks: 0 }
}
