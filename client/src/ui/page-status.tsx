/** A quiet, announced placeholder while something loads. */
export function PageStatus({ message }: { message: string }) {
  return (
    <p role="status" className="page-status">
      {message}
    </p>
  );
}
