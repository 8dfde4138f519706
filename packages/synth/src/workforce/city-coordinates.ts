/**
 * Latitude and longitude (degrees, city centre, two decimals) of the cities the workforce world places people in:
 * identity providers geolocate sign-ins to about this precision.
 */
export const cityCoordinates: Readonly<Record<string, readonly [number, number]>> = {
  'New York': [40.71, -74.01],
  Brooklyn: [40.68, -73.94],
  Boston: [42.36, -71.06],
  Philadelphia: [39.95, -75.17],
  Atlanta: [33.75, -84.39],
  Miami: [25.76, -80.19],
  Raleigh: [35.78, -78.64],
  Arlington: [38.88, -77.1],
  Columbus: [39.96, -83.0],
  Chicago: [41.88, -87.63],
  Austin: [30.27, -97.74],
  Dallas: [32.78, -96.8],
  Houston: [29.76, -95.37],
  Minneapolis: [44.98, -93.27],
  Nashville: [36.16, -86.78],
  Denver: [39.74, -104.99],
  'Salt Lake City': [40.76, -111.89],
  Phoenix: [33.45, -112.07],
  Seattle: [47.61, -122.33],
  Portland: [45.52, -122.68],
  'San Francisco': [37.77, -122.42],
  Oakland: [37.8, -122.27],
  'San Jose': [37.34, -121.89],
  'Los Angeles': [34.05, -118.24],
  'San Diego': [32.72, -117.16],
  Toronto: [43.65, -79.38],
  Ottawa: [45.42, -75.7],
  Montreal: [45.5, -73.57],
  Vancouver: [49.28, -123.12],
  Calgary: [51.05, -114.07],
  Halifax: [44.65, -63.57],
  London: [51.51, -0.13],
  Manchester: [53.48, -2.24],
  Bristol: [51.45, -2.59],
  Leeds: [53.8, -1.55],
  Edinburgh: [55.95, -3.19],
  Cambridge: [52.21, 0.12],
  Berlin: [52.52, 13.4],
  München: [48.14, 11.58],
  Hamburg: [53.55, 9.99],
  Köln: [50.94, 6.96],
  'Frankfurt am Main': [50.11, 8.68],
  Stuttgart: [48.78, 9.18],
  Tokyo: [35.68, 139.69],
  Osaka: [34.69, 135.5],
  Fukuoka: [33.59, 130.4],
  Seoul: [37.57, 126.98],
  Seongnam: [37.42, 127.13],
  Busan: [35.18, 129.08],
  Shanghai: [31.23, 121.47],
  Beijing: [39.9, 116.41],
  Shenzhen: [22.54, 114.06],
  Hangzhou: [30.27, 120.16],
}

/** A point about `kilometres` from the given one, in a random direction (mobile carriers geolocate to a hub). */
export function displaced(
  point: readonly [number, number],
  kilometres: number,
  bearing: number,
): readonly [number, number] {
  const latitude = point[0] + (kilometres / 111) * Math.cos(bearing)
  const longitude = point[1] + ((kilometres / 111) * Math.sin(bearing)) / Math.cos((point[0] * Math.PI) / 180)
  return [Math.round(latitude * 100) / 100, Math.round(longitude * 100) / 100]
}
