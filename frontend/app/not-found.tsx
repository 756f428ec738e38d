import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="sign-in">
      <div className="panel">
        <h1>Page not found</h1>
        <p>
          <Link href="/contacts">Go to contacts</Link>
        </p>
      </div>
    </main>
  );
}
