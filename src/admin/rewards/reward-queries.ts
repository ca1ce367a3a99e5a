/** Sharer reward rules and the ledger of grants and voids (admins only). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { RewardLedgerEntry, RewardRuleDto, RewardRuleInput } from '@core/contract/rewards'
import { api } from '../api/client'

export const rewardKeys = { all: ['rewards'] as const, rules: ['rewards', 'rules'] as const, ledger: ['rewards', 'ledger'] as const }

export const rewardsApi = {
  rules: () => api.get<{ items: RewardRuleDto[] }>('/api/admin/rewards/rules').then((r) => r.items),
  createRule: (input: RewardRuleInput) => api.post<{ rule: RewardRuleDto }>('/api/admin/rewards/rules', input).then((r) => r.rule),
  ledger: () => api.get<{ items: RewardLedgerEntry[] }>('/api/admin/rewards/ledger').then((r) => r.items)
}

export function useRewardRules() {
  return useQuery({ queryKey: rewardKeys.rules, queryFn: rewardsApi.rules })
}

export function useRewardLedger() {
  return useQuery({ queryKey: rewardKeys.ledger, queryFn: rewardsApi.ledger })
}

export function useCreateRewardRule() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: rewardsApi.createRule,
    onSuccess: () => void client.invalidateQueries({ queryKey: rewardKeys.all })
  })
}
