import type { Bullet, Reference } from '../lib/types';
import { Citations } from './Citations';

interface BulletItemProps {
  bullet: Bullet;
  references: Map<number, Reference>;
  refPrefix: string;
}

export function BulletItem({ bullet, references, refPrefix }: BulletItemProps) {
  return (
    <li className="bullet" data-testid="bullet">
      {bullet.text}
      <Citations
        citations={bullet.citations}
        evidence={bullet.evidence}
        references={references}
        refPrefix={refPrefix}
        statement={bullet.text}
        {...(bullet.grade ? { grade: bullet.grade } : {})}
      />
      {bullet.grade && <span className="grade"> Grade: {bullet.grade}</span>}
    </li>
  );
}
