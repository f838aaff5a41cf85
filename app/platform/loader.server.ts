import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { AppError } from './errors'

/**
 * Loaders throw module errors (403 for a wrong role, 404 for what is out of reach) as HTTP responses,
 * so the error boundary shows the right page with a translated message instead of a 500.
 */
export function pageLoader<T>(loader: (args: LoaderFunctionArgs) => Promise<T>) {
  return async (args: LoaderFunctionArgs) => {
    try {
      return await loader(args)
    } catch (error) {
      if (error instanceof AppError) throw data({ message: error.userMessage }, { status: error.status })
      throw error
    }
  }
}
