/** Nothing shared to start yet; the browser suite builds the web app itself when it runs. */
export default async function setup(): Promise<void> {}
