/**
 * Authentication of the panel API's requests: the bearer token is validated (auth/) and the
 * signed-in user is kept on the response for the handlers (userOf). A refused token answers 401,
 * an application's token 403, each with its Bearer challenge in WWW-Authenticate; the JSON body
 * comes from the error handler.
 */

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AuthenticationError, TokenRefusedError } from '../../auth/errors.js';
import type { AuthenticatedUser, TokenValidator } from '../../auth/tokenValidator.js';

const USER = Symbol('authenticated user');

export function authenticate(validator: TokenValidator): RequestHandler {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    let user: AuthenticatedUser;
    try {
      user = await validator.validate(request.get('authorization'));
    } catch (error) {
      if (error instanceof AuthenticationError || error instanceof TokenRefusedError) response.setHeader('WWW-Authenticate', error.challenge);
      next(error);
      return;
    }
    (response.locals as Record<symbol, AuthenticatedUser>)[USER] = user;
    next();
  };
}

/** The user `authenticate` let in; only for handlers mounted after it. */
export function userOf(response: Response): AuthenticatedUser {
  const user = (response.locals as Record<symbol, AuthenticatedUser | undefined>)[USER];
  if (!user) throw new Error('userOf: the route is not behind authenticate()');
  return user;
}
