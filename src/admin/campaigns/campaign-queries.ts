/** Campaigns (admins and editors) through TanStack Query; creating one reads the list again. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CampaignDto, CampaignInput } from '@core/contract/reach'
import { api } from '../api/client'

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const
}

export const campaignsApi = {
  list: () => api.get<{ items: CampaignDto[] }>('/api/admin/campaigns').then((r) => r.items),
  get: (id: string) => api.get<{ campaign: CampaignDto }>(`/api/admin/campaigns/${encodeURIComponent(id)}`).then((r) => r.campaign),
  create: (input: CampaignInput) => api.post<{ campaign: CampaignDto }>('/api/admin/campaigns', input).then((r) => r.campaign)
}

export function useCampaigns() {
  return useQuery({ queryKey: campaignKeys.list, queryFn: campaignsApi.list })
}

/** One campaign with its figures; the server renews its URL Link on this read when it nears 30 days. */
export function useCampaign(id: string | null) {
  return useQuery({ queryKey: campaignKeys.detail(id ?? ''), queryFn: () => campaignsApi.get(id ?? ''), enabled: id !== null })
}

export function useCreateCampaign() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: campaignsApi.create,
    onSuccess: (campaign) => {
      client.setQueryData(campaignKeys.detail(campaign.id), campaign)
      void client.invalidateQueries({ queryKey: campaignKeys.list })
    }
  })
}
