/** The family, student-profile and home-visit UI text; the catalogue mounts it under `family`. */
export const familyZhCN = {
  errors: {
    consentRequired: '这位学生未满 14 周岁，还没有监护人同意，因此不能保存其个人信息。请先请家长在“我的孩子”页面同意，或由教师登记已签字的纸质同意书；如学生已满 14 周岁，请由教师在“同意与年龄”中注明。',
    consentAlreadyGiven: '已有有效的监护人同意，无需重复登记。',
    noConsentToWithdraw: '目前没有有效的监护人同意可以撤回。',
    mustAgree: '请勾选“我同意”后再提交。',
    invalidDate: '请输入有效的日期（年-月-日）。',
    dateInFuture: '日期不能晚于今天。',
  },
} as const
