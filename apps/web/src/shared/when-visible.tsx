import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * Renders its children (and so starts their queries) once its place on the page scrolls into view.
 * A statistics page's charts each aggregate the whole year; on the embedded database those queries
 * run one after another, so charts below the fold must not hold up the table the reader looks at first.
 */
export function WhenVisible({
  minHeight,
  label,
  ready = true,
  children,
}: {
  minHeight: number;
  label: string;
  /** False while what stands above is still loading: the place would count as on screen only until it arrives. */
  ready?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const el = ref.current;
    if (seen || !ready || !el) {
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setSeen(true);
        observer.disconnect();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen, ready]);
  if (seen) {
    return <>{children}</>;
  }
  return <section ref={ref} data-when-visible="" aria-label={label} style={{ minHeight }} />;
}
