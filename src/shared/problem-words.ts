/**
 * A few words in Chinese for each problem code of the core's parser, shown
 * before the (English) sentence in the `debug` list, so a webmaster reading
 * Chinese knows at a glance what is wrong and where.
 */
export const problemWords: Record<string, string> = {
  'invalid-json': '不是有效的 JSON',
  'not-a-document': '不是数据文档',
  'version-missing': '缺少版本号',
  'version-invalid': '版本号无效',
  'version-newer': '版本较新，部分内容可能无法读取',
  'no-venues': '没有任何办事场所',
  'crs-unknown': '坐标系无法识别，按 WGS84 读取',
  'invalid-record': '记录格式错误，已忽略',
  'invalid-value': '字段值有误，已改用默认值',
  'id-missing': '缺少编号，已自动生成',
  'id-invalid': '编号无效，已自动生成',
  'id-not-string': '编号是数字，已转为文本',
  'duplicate-id': '编号重复，已重命名',
  'name-missing': '缺少名称',
  'level-missing': '缺少层级',
  'location-missing': '缺少位置，不在地图上显示',
  'location-invalid': '位置无效，不在地图上显示',
  'location-swapped': '经纬度可能写反了',
  'location-placeholder': '位置是占位值，不在地图上显示',
  'location-rough': '位置只精确到整度，可能是占位值',
  'location-text': '坐标写成了文本，已读取',
  'invalid-link': '链接无效，已删除',
  'unknown-matter': '引用了不存在的事项，已删除该引用',
  'unknown-area': '引用了不存在的辖区',
  'duplicate-reference': '重复引用同一事项，只保留一次',
  'bundle-empty': '一件事中没有可用的事项',
  'unknown-field': '未知字段，已忽略',
  'area-cycle': '辖区的上级关系形成了循环',
  'internal-error': '解析程序出错，已返回读到的内容',
};
