/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'

// Injected at build time by config/index.ts (defineConstants).
declare const API_BASE: string
declare const SANDBOX_BASE: string
declare const BRAND_NAME: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | string
  }
}
