/** A skill level 1–5 as dots, with the number for screen readers and tooltips. */
export function SkillDots({ level, target }: { level: number; target?: number | null }) {
  return (
    <span
      className="dots"
      role="img"
      aria-label={`level ${level} of 5${target ? `, growing to ${target}` : ''}`}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <span
          key={n}
          className={`dot${n <= level ? ' dot-on' : ''}${target && n > level && n <= target ? ' dot-target' : ''}`}
        />
      ))}
    </span>
  );
}
