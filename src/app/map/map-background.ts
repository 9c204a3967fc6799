/** The map's background colour: the map container's CSS background (app.css) and the PNG export's. */
export const MAP_BACKGROUND = '#f4f3ef';
