/**
 * imsmanifest.xml for a SCORM 1.2 package: IMS Content Packaging 1.1.2 with ADL's SCORM 1.2
 * extensions (ADL SCORM 1.2 Content Aggregation Model, section 2.3). The whole site is one SCO: the
 * LMS launches index.html (with the track), and the site reports through the run-time API
 * (src/lib/lms/). The schemas this must satisfy are in tests/scorm/schemas/.
 */

export interface ScormCourse {
  /** An XML ID (letters, digits, `-`, `_`, `.`; not starting with a digit). */
  identifier: string;
  title: string;
  /** The SCO's launch address inside the package, already a URI, e.g. `index.html?track=workshop`. */
  launch: string;
  /** Every file of the package but the manifest, relative, with `/`. */
  files: string[];
  version: string;
}

/** Escapes text and attribute values. */
function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A file path as an xsd:anyURI (spaces and the like percent-encoded; `/` kept). */
function href(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** titleType is at most 200 characters (imscp_rootv1p1p2.xsd). */
function title(text: string): string {
  return xml(text.length > 200 ? text.slice(0, 199) + '…' : text);
}

export function scormManifest(course: ScormCourse): string {
  const id = xml(course.identifier);
  const files = course.files.map((file) => `      <file href="${xml(href(file))}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${xml(course.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title(course.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title(course.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${xml(course.launch)}">
${files}
    </resource>
  </resources>
</manifest>
`;
}
