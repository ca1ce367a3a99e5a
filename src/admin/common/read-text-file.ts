/** A chosen file's text as UTF-8 (a leading BOM is kept for the parser to drop). */
export function readTextFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(new Error(`无法读取文件 ${file.name}`))
    reader.readAsText(file, 'utf-8')
  })
}
