// The county's manifest: the public URL a production build needs, checked, and the development manifest rewritten to it.

const DEV_URL = "https://localhost:3000/";
const EXAMPLE = "KAOHE_PUBLIC_URL=https://kaohe.example-county.gov.cn/addin/ npm run build";

/** An error whose printout is its message only: webpack prints the stack, which would bury the instruction. */
function buildError(message) {
  const e = new Error(message);
  e.stack = message;
  return e;
}

/** The add-in's public address from KAOHE_PUBLIC_URL, ending in "/"; a missing or unusable one stops the build. */
function publicUrl(raw) {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text === "") {
    throw buildError(
      "未设置 KAOHE_PUBLIC_URL：生产构建要把清单（dist/manifest.xml）中的每个地址指向本县内网的 HTTPS 服务器。请这样构建：\n" +
        `  ${EXAMPLE}\n` +
        "KAOHE_PUBLIC_URL is not set: a production build points every address in dist/manifest.xml at the county's HTTPS host. Build with:\n" +
        `  ${EXAMPLE}`,
    );
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    throw buildError(
      `KAOHE_PUBLIC_URL 不是网址：“${text}”。请写完整的 HTTPS 地址，例如：${EXAMPLE}\n` +
        `KAOHE_PUBLIC_URL is not a URL: "${text}". Give the full HTTPS address, for example: ${EXAMPLE}`,
    );
  }
  // Office loads add-ins only over HTTPS; a query or fragment would be glued in front of every file name.
  if (url.protocol !== "https:" || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw buildError(
      `KAOHE_PUBLIC_URL 必须是不带 ?、# 和用户名的 HTTPS 地址：“${text}”。例如：${EXAMPLE}\n` +
        `KAOHE_PUBLIC_URL must be an https:// address without ?, # or a user name: "${text}". For example: ${EXAMPLE}`,
    );
  }
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/**
 * Every development URL in the manifest moved under the public URL. A bare origin (an <AppDomain> takes
 * scheme, host and port only) becomes the public origin, never the public URL with its path.
 */
function productionManifest(xml, base) {
  const origin = new URL(base).origin;
  const devOrigin = new URL(DEV_URL).origin;
  return xml.split(DEV_URL).join(base).split(devOrigin).join(origin);
}

module.exports = { DEV_URL, publicUrl, productionManifest };
