import { View, Text } from '@tarojs/components'
import './index.css'

export default function Index() {
  return (
    <View className='home'>
      <View className='home__brand'>
        <Text className='home__brand-name'>品牌好物</Text>
        <Text className='home__brand-tagline'>读一个故事，带走一件好物</Text>
      </View>
      <View className='home__empty'>
        <Text className='home__empty-title'>新内容正在准备中</Text>
        <Text className='home__empty-hint'>品牌发布故事后会出现在这里</Text>
      </View>
    </View>
  )
}
