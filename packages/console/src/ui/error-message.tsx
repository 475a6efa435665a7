/** A failure shown where the thing that failed would be: said in words, announced, with a way to try again. */
export function ErrorMessage({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div class="error-message" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" class="button button-quiet" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
