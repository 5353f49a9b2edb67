// On a server with accounts, nothing of the app shows until someone has signed in: the gate
// asks the server who is there and shows the sign-in (or first sign-up, or invitation) page.
// In local mode it lets the app through at once.
import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { api, SIGNED_OUT_EVENT } from '../api';
import { SignInPage } from './SignInPage';
import { AUTH_KEY, forgetAndAsk } from './auth-state';

export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const auth = useQuery({ queryKey: AUTH_KEY, queryFn: api.authState, staleTime: Infinity });
  useEffect(() => {
    // A session that ended elsewhere (sign out everywhere, a new password) brings the gate back.
    const signedOut = () => {
      forgetAndAsk(queryClient);
    };
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, [queryClient]);

  if (auth.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  // A server that cannot be asked is shown by the app itself, as before.
  if (auth.isError || auth.data.mode === 'local' || auth.data.account) return <>{children}</>;
  return <SignInPage firstAccount={auth.data.firstAccount} />;
}
