/** The minimum papers a period needs for a chart to draw its shares or a comparison to give them, because a share of a handful of papers swings from 0 to 100%. */
export const MIN_PAPERS_FOR_SHARE = 10;
