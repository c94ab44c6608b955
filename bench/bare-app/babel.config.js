// The project's own babel setup (NutUI imported per component, JS and CSS), so the yardstick is
// always built the way the app is.
module.exports = require('../../babel.config.js');
