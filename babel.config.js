// Taro's build (weapp and h5) compiles through babel; jest uses @swc/jest instead.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]]
}
