import type { notificationsZhCN } from './zh-CN'

type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> }

export const notificationsEn: Catalogue<typeof notificationsZhCN> = {
  nav: 'Notifications',
  indicator: 'Notifications ({{count}} unread)',
  indicatorNone: 'Notifications (none unread)',
  title: 'Notifications',
  intro: 'Invitations, session reminders and news that concerns you.',
  unreadOnly: 'Unread only',
  showAll: 'Show all',
  empty: 'No notifications yet.',
  emptyUnread: 'No unread notifications.',
  unread: 'Unread',
  read: 'Read',
  open: 'Open',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  markedAll: '{{count}} notifications marked as read.',
  marked: 'Marked as read.',
  more: 'Older notifications',
  receivedAt: 'Time',
  message: 'Message',
  status: 'Status',
  errors: { notFound: 'That notification was not found.' },
  kinds: {
    learning: {
      assigned: 'Your teacher assigned a new lesson: “{{title}}”.',
      assignedChild: 'A teacher assigned {{student}} a new lesson: “{{title}}”.',
    },
    research: {
      groupInvitation: '{{inviter}} invited you to join the research group “{{group}}”.',
      sessionInvitation: 'You are invited to the research session “{{title}}” ($t(research.kinds.{{kind}})) on {{when}}.',
      sessionReminder: 'Research session tomorrow: “{{title}}”, {{when}}.',
      sessionChanged: 'The research session “{{title}}” has changed: it is now on {{when}}.',
      sessionCancelled: 'The research session “{{title}}” (planned for {{when}}) has been cancelled.',
      leaderTransferred: '{{from}} handed the leadership of the research group “{{group}}” to you.',
      leaderAppointed: '{{from}} formed the research group “{{group}}” with you as its leader.',
    },
    studies: {
      newNote: '{{author}} left an observation note at {{time}} in round {{round}} of your lesson study “{{study}}”.',
    },
    family: {
      teacherNote: '{{teacher}} wrote a note to the family of {{student}}.',
      homePractice: '{{family}} recorded home practice for {{student}} ({{minutes}} min).',
    },
  },
}
