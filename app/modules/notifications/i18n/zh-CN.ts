/**
 * In-app notifications. A module that sends a new kind adds its message under `kinds`
 * (`notify(db, { kind: 'x.y', ... })` reads `kinds.x.y`) in both languages.
 */
export const notificationsZhCN = {
  nav: '通知',
  indicator: '通知（{{count}} 条未读）',
  indicatorNone: '通知（无未读）',
  title: '通知',
  intro: '邀请、活动提醒和与你有关的新动态。',
  unreadOnly: '只看未读',
  showAll: '显示全部',
  empty: '暂无通知。',
  emptyUnread: '没有未读通知。',
  unread: '未读',
  read: '已读',
  open: '查看',
  markRead: '标为已读',
  markAllRead: '全部标为已读',
  markedAll: '已将 {{count}} 条通知标为已读。',
  marked: '已标为已读。',
  more: '更早的通知',
  receivedAt: '时间',
  message: '内容',
  status: '状态',
  errors: { notFound: '找不到这条通知。' },
  kinds: {
    learning: {
      assigned: '老师布置了新课程“{{title}}”。',
      assignedChild: '老师给{{student}}布置了新课程“{{title}}”。',
    },
    research: {
      groupInvitation: '{{inviter}} 邀请你加入教研组“{{group}}”。',
      sessionInvitation: '你受邀参加教研活动“{{title}}”（$t(research.kinds.{{kind}})），时间 {{when}}。',
      sessionReminder: '明天有教研活动：“{{title}}”，{{when}}。',
      sessionChanged: '教研活动“{{title}}”有变动：现定于 {{when}}。',
      sessionCancelled: '教研活动“{{title}}”（原定 {{when}}）已取消。',
      leaderTransferred: '{{from}} 将教研组“{{group}}”的组长移交给了你。',
      leaderAppointed: '{{from}} 创建了教研组“{{group}}”，由你担任组长。',
    },
    studies: {
      newNote: '{{author}} 在你的课例“{{study}}”第 {{round}} 轮视频 {{time}} 处留了观察记录。',
    },
    family: {
      teacherNote: '{{teacher}} 给 {{student}} 的家长留了言。',
      homePractice: '{{family}} 记录了 {{student}} 的家庭练习（{{minutes}} 分钟）。',
    },
  },
}
