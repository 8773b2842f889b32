// Files that would run code in a visitor's browser or on a computer, recognised by what they
// contain and not only by their name or declared type: an SVG saved as `dessin.png` is still
// an SVG. Strapi's upload `deniedTypes` checks names, declared types and binary signatures,
// but cannot recognise text formats (markup, scripts) by their content.

/** What a refused file is, in the words of the editors' message. */
export type ActiveContent = 'balisage' | 'script' | 'programme';

const MARKUP_EXTENSIONS = /\.(svgz?|html?|xhtml|xml|xsl|xslt|shtml|mht|mhtml)$/i;
// Not `.ts`: that is also a video format (MPEG transport stream).
const SCRIPT_EXTENSIONS = /\.(m?js|cjs|jsx|vbs|ps1|bat|cmd|sh|php|py|pl|jar|hta|wsf)$/i;
const PROGRAM_EXTENSIONS = /\.(exe|dll|msi|scr|com|dmg|apk|deb|rpm)$/i;
// Exact types: Office documents' types contain "xml" too.
const MARKUP_TYPES =
  /^(image\/svg\+xml|text\/html|application\/xhtml\+xml|(application|text)\/xml)$/i;
const SCRIPT_TYPES =
  /^((application|text)\/(javascript|ecmascript|x-javascript|x-sh|x-shellscript|x-php|x-python)|application\/java-archive)$/i;

/** Signatures of executables: Linux (ELF), macOS (Mach-O); Windows' below. */
const PROGRAM_SIGNATURES = [
  Buffer.from([0x7f, 0x45, 0x4c, 0x46]),
  Buffer.from([0xfe, 0xed, 0xfa, 0xce]),
  Buffer.from([0xfe, 0xed, 0xfa, 0xcf]),
  Buffer.from([0xce, 0xfa, 0xed, 0xfe]),
  Buffer.from([0xcf, 0xfa, 0xed, 0xfe]),
];

/** A Windows program: "MZ", then "PE\0\0" where its header says (not any text starting "MZ"). */
function isWindowsProgram(head: Buffer): boolean {
  if (head.length < 64 || head.toString('latin1', 0, 2) !== 'MZ') return false;
  const at = head.readUInt32LE(0x3c);
  return at + 4 <= head.length && head.toString('latin1', at, at + 4) === 'PE\0\0';
}

/** The first characters of a text file, without a byte order mark and leading white space. */
function textStart(head: Buffer): string {
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff)
    // Whole characters only: a file of an odd length would make swap16 throw.
    text = Buffer.from(head.subarray(2, head.length - (head.length % 2)))
      .swap16()
      .toString('utf16le');
  else text = head.toString('utf8');
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 200)
    .toLowerCase();
}

/**
 * Why a file must be refused, from its first bytes (`head`, a few KiB), its name and its
 * declared type; null when it is none of these.
 */
export function activeContentOf(
  head: Buffer,
  name: string,
  declaredType = '',
): ActiveContent | null {
  if (
    isWindowsProgram(head) ||
    PROGRAM_SIGNATURES.some((signature) => head.subarray(0, signature.length).equals(signature))
  )
    return 'programme';
  const start = textStart(head);
  if (start.startsWith('#!')) return 'script';
  // Markup begins with a tag, a processing instruction or a comment: no document, image,
  // sound or captions format the médiathèque takes does.
  if (start.startsWith('<')) return 'balisage';
  if (MARKUP_EXTENSIONS.test(name) || MARKUP_TYPES.test(declaredType)) return 'balisage';
  if (SCRIPT_EXTENSIONS.test(name) || SCRIPT_TYPES.test(declaredType)) return 'script';
  if (PROGRAM_EXTENSIONS.test(name)) return 'programme';
  return null;
}

const WHAT: Record<ActiveContent, string> = {
  balisage: 'une image SVG, une page HTML ou un fichier XML',
  script: 'un script',
  programme: 'un programme',
};

/** The editors' message for a refused file. */
export function refusalMessage(name: string, kind: ActiveContent): string {
  return (
    `Le fichier « ${name} » est refusé : c’est ${WHAT[kind]}, qui pourrait exécuter du code ` +
    'chez les visiteurs. Les images SVG, pages HTML, fichiers XML, scripts et programmes ne ' +
    'sont pas acceptés. Enregistrez une image en PNG ou JPEG, un document en PDF.'
  );
}
