import { Image, Swiper, SwiperItem, View } from '@tarojs/components'
import type { CarouselBlock, Slide } from '@core/content'

/** Images that slide by themselves; one that links somewhere (a product or another page) opens it on a tap. */
export function CarouselBlockView({ block, readOnly, onOpenSlide }: { block: CarouselBlock; readOnly?: boolean; onOpenSlide?: (slide: Slide) => void }) {
  const many = block.slides.length > 1
  return (
    <View className='blk-carousel' aria-label='轮播图'>
      <Swiper
        className='blk-carousel__swiper'
        indicatorDots={many}
        indicatorColor='rgba(255, 253, 250, 0.5)'
        indicatorActiveColor='#fffdfa'
        autoplay={many}
        interval={4000}
        circular={many}
      >
        {block.slides.map((slide, i) => {
          const links = Boolean(slide.productId || slide.pageSlug)
          return (
            <SwiperItem key={i}>
              <View
                className='blk-carousel__slide'
                aria-role={links && !readOnly ? 'link' : undefined}
                aria-label={`第 ${i + 1} 张${links ? (slide.productId ? '，查看商品' : '，查看页面') : ''}`}
                onClick={() => !readOnly && links && onOpenSlide?.(slide)}
              >
                <Image className='blk-carousel__image' src={slide.image} mode='aspectFill' aria-label={`轮播图 ${i + 1}`} />
              </View>
            </SwiperItem>
          )
        })}
      </Swiper>
    </View>
  )
}
