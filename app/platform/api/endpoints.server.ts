import { accountsEndpoints } from '~/modules/accounts/api.server'
import { libraryEndpoints } from '~/modules/library/api.server'
import { searchEndpoints } from '~/modules/search/api.server'
import { brailleEndpoints } from '~/modules/braille/api.server'
import { mediaEndpoints } from '~/modules/media/api.server'
import { signsEndpoints } from '~/modules/signs/api.server'
import { researchEndpoints } from '~/modules/research/api.server'
import { studiesEndpoints } from '~/modules/research/studies-api.server'
import { notificationsEndpoints } from '~/modules/notifications/api.server'
import { reportsEndpoints } from '~/modules/reports/api.server'
import { familyEndpoints } from '~/modules/learning/family-api.server'
import { learningEndpoints } from '~/modules/learning/api.server'
import type { Endpoint } from './endpoint'
import { createRouter } from './router.server'

/** Every capability's endpoints, in the order the OpenAPI document lists them. */
export const endpoints: Endpoint[] = [...accountsEndpoints, ...libraryEndpoints, ...mediaEndpoints, ...searchEndpoints, ...brailleEndpoints, ...signsEndpoints, ...researchEndpoints, ...studiesEndpoints, ...notificationsEndpoints, ...reportsEndpoints, ...familyEndpoints, ...learningEndpoints]

export const handleApi = createRouter(endpoints)
