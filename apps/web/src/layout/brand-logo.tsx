type Props = { size?: number };

/** The platform's mark: a seal-red square bearing 政. */
export function BrandLogo({ size = 32 }: Props) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: "inline-flex",
        alignItems: "center",
        justifyContent: "center",
        width: size,
        height: size,
        flex: "none",
        borderRadius: size / 5,
        background: "linear-gradient(135deg, #d4380d 0%, #a8071a 100%)",
        color: "#fff",
        fontSize: size * 0.56,
        fontWeight: 700,
        lineHeight: 1,
        boxShadow: "0 2px 6px rgba(168, 7, 26, 0.35)",
      }}
    >
      政
    </span>
  );
}
