import { Navigate } from 'react-router';
import { useAuth } from './auth.tsx';

/** Where the desk opens: an assistant on her day; the others on the order list, as before. */
export function HomeRoute() {
  const { user } = useAuth();
  return <Navigate to={user?.role === 'assistant' ? '/day' : '/orders'} replace />;
}
