// Parse GIFT from stdin with the gift-pegjs grammar and print its questions as JSON (or the syntax error).
const { parse } = require("gift-pegjs");
let text = "";
process.stdin.on("data", (d) => (text += d));
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify(parse(text)));
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: e.message, location: e.location }));
    process.exitCode = 1;
  }
});
