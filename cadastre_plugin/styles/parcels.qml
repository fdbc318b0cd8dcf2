<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyDrawingHints="1" symbologyReferenceScale="-1" simplifyMaxScale="1" readOnly="0" version="3.22.16-Białowieża" simplifyAlgorithm="0" hasScaleBasedVisibilityFlag="0" maxScale="0" simplifyLocal="1" styleCategories="AllStyleCategories" minScale="100000000" labelsEnabled="1" simplifyDrawingTol="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startField="" endExpression="" durationField="" limitMode="0" endField="" fixedDuration="0" durationUnit="min" enabled="0" startExpression="" mode="0" accumulate="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 forceraster="0" symbollevels="0" referencescale="-1" enableorderby="0" type="categorizedSymbol" attr="CASE WHEN left(&quot;landuse&quot;, 3) IN ('ONT', 'ODT') THEN 'residential' WHEN left(&quot;landuse&quot;, 3) IN ('LUC', 'LUK', 'LUN') THEN 'rice' WHEN left(&quot;landuse&quot;, 3) IN ('BHK', 'NHK', 'HNK') THEN 'annual' WHEN left(&quot;landuse&quot;, 3) IN ('CLN') THEN 'perennial' WHEN left(&quot;landuse&quot;, 3) IN ('RSX', 'RPH', 'RDD') THEN 'forest' WHEN left(&quot;landuse&quot;, 3) IN ('NTS', 'LMU') THEN 'aquaculture' WHEN left(&quot;landuse&quot;, 3) IN ('SON', 'MNC') THEN 'water' WHEN left(&quot;landuse&quot;, 3) IN ('DGT', 'DTL', 'DNL', 'DBV') THEN 'infrastructure' WHEN left(&quot;landuse&quot;, 3) IN ('BCS', 'DCS', 'NCS') THEN 'unused' ELSE 'other' END">
    <categories>
      <category symbol="0" value="residential" render="true" label="Đất ở / Residential"/>
      <category symbol="1" value="rice" render="true" label="Đất trồng lúa / Rice"/>
      <category symbol="2" value="annual" render="true" label="Cây hằng năm khác / Other annual crops"/>
      <category symbol="3" value="perennial" render="true" label="Cây lâu năm / Perennial crops"/>
      <category symbol="4" value="forest" render="true" label="Đất rừng / Forest"/>
      <category symbol="5" value="aquaculture" render="true" label="Nuôi trồng thuỷ sản / Aquaculture"/>
      <category symbol="6" value="water" render="true" label="Sông, mặt nước / Water"/>
      <category symbol="7" value="infrastructure" render="true" label="Giao thông, thuỷ lợi / Infrastructure"/>
      <category symbol="8" value="unused" render="true" label="Đất chưa sử dụng / Unused"/>
      <category symbol="9" value="other" render="true" label="Đất khác / Other"/>
    </categories>
    <symbols>
      <symbol alpha="1" clip_to_extent="1" name="0" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="255,179,179,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="255,179,179,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" name="1" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="255,242,122,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="255,242,122,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" name="2" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="255,224,160,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="255,224,160,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" name="3" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="200,230,160,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="200,230,160,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" name="4" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="127,201,127,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="127,201,127,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" name="5" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="166,216,240,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="166,216,240,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" name="6" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="142,202,230,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="142,202,230,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" name="7" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="224,224,224,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="224,224,224,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" name="8" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="245,245,245,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="245,245,245,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" name="9" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" locked="0" enabled="1" class="SimpleFill">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="240,230,255,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.2" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="240,230,255,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="51,51,51,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.2" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style allowHtml="0" fontStrikeout="0" multilineHeight="1" legendString="Aa" fontWordSpacing="0" fontFamily="DejaVu Sans" useSubstitutions="0" textOpacity="1" capitalization="0" fieldName="&quot;sheet_no&quot; || '/' || &quot;parcel_no&quot; || '\n' || coalesce(&quot;landuse&quot;, '') || '\n' || coalesce(format_number(&quot;area&quot;, 1), '')" isExpression="1" fontSizeUnit="Point" previewBkgrdColor="255,255,255,255" fontKerning="1" fontItalic="0" fontSize="8" fontLetterSpacing="0" fontUnderline="0" textOrientation="horizontal" textColor="0,0,0,255" namedStyle="" fontWeight="50" fontSizeMapUnitScale="3x:0,0,0,0,0,0" blendMode="0">
        <families/>
        <text-buffer bufferOpacity="1" bufferSize="0.59999999999999998" bufferJoinStyle="128" bufferDraw="1" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferBlendMode="0" bufferColor="255,255,255,255" bufferNoFill="1" bufferSizeUnits="MM"/>
        <text-mask maskSize="1.5" maskJoinStyle="128" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskOpacity="1" maskEnabled="0" maskSizeUnits="MM" maskedSymbolLayers="" maskType="0"/>
        <background shapeRadiiUnit="MM" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeSizeUnit="MM" shapeRadiiY="0" shapeBorderWidthUnit="MM" shapeBorderWidth="0" shapeSizeX="0" shapeFillColor="255,255,255,255" shapeDraw="0" shapeBorderColor="128,128,128,255" shapeType="0" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeRotation="0" shapeSVGFile="" shapeSizeType="0" shapeOpacity="1" shapeJoinStyle="64" shapeOffsetUnit="MM" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeBlendMode="0" shapeSizeY="0" shapeRotationType="0" shapeOffsetY="0" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeOffsetX="0" shapeRadiiX="0">
          <symbol alpha="1" clip_to_extent="1" name="fillSymbol" type="fill" force_rhr="0">
            <data_defined_properties>
              <Option type="Map">
                <Option value="" name="name" type="QString"/>
                <Option name="properties"/>
                <Option value="collection" name="type" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer pass="0" locked="0" enabled="1" class="SimpleFill">
              <Option type="Map">
                <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
                <Option value="255,255,255,255" name="color" type="QString"/>
                <Option value="bevel" name="joinstyle" type="QString"/>
                <Option value="0,0" name="offset" type="QString"/>
                <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
                <Option value="MM" name="offset_unit" type="QString"/>
                <Option value="128,128,128,255" name="outline_color" type="QString"/>
                <Option value="no" name="outline_style" type="QString"/>
                <Option value="0" name="outline_width" type="QString"/>
                <Option value="MM" name="outline_width_unit" type="QString"/>
                <Option value="solid" name="style" type="QString"/>
              </Option>
              <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
              <prop v="255,255,255,255" k="color"/>
              <prop v="bevel" k="joinstyle"/>
              <prop v="0,0" k="offset"/>
              <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
              <prop v="MM" k="offset_unit"/>
              <prop v="128,128,128,255" k="outline_color"/>
              <prop v="no" k="outline_style"/>
              <prop v="0" k="outline_width"/>
              <prop v="MM" k="outline_width_unit"/>
              <prop v="solid" k="style"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option value="" name="name" type="QString"/>
                  <Option name="properties"/>
                  <Option value="collection" name="type" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowRadius="1.5" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowColor="0,0,0,255" shadowOffsetDist="1" shadowOffsetAngle="135" shadowDraw="0" shadowRadiusAlphaOnly="0" shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowUnder="0" shadowBlendMode="6" shadowOpacity="0.69999999999999996" shadowRadiusUnit="MM" shadowOffsetUnit="MM" shadowOffsetGlobal="1" shadowScale="100"/>
        <dd_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format useMaxLineLengthForAutoWrap="1" formatNumbers="0" wrapChar="" placeDirectionSymbol="0" decimals="3" plussign="0" autoWrapLength="0" rightDirectionSymbol=">" addDirectionSymbol="0" leftDirectionSymbol="&lt;" reverseDirectionSymbol="0" multilineAlign="3"/>
      <placement polygonPlacementFlags="2" centroidWhole="0" dist="0" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" rotationUnit="AngleDegrees" priority="5" rotationAngle="0" quadOffset="4" distMapUnitScale="3x:0,0,0,0,0,0" repeatDistance="0" centroidInside="0" overrunDistance="0" lineAnchorType="0" overrunDistanceUnit="MM" placementFlags="10" offsetUnits="MM" fitInPolygonOnly="0" maxCurvedCharAngleOut="-25" yOffset="0" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" xOffset="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" geometryGeneratorEnabled="0" geometryGenerator="" geometryGeneratorType="PointGeometry" distUnits="MM" maxCurvedCharAngleIn="25" lineAnchorClipping="0" layerType="UnknownGeometry" offsetType="0" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" lineAnchorPercent="0.5" repeatDistanceUnits="MM" preserveRotation="1" placement="1"/>
      <rendering upsidedownLabels="0" drawLabels="1" scaleMax="5000" fontLimitPixelSize="0" mergeLines="0" scaleVisibility="1" displayAll="0" limitNumLabels="0" zIndex="0" fontMaxPixelSize="10000" minFeatureSize="0" obstacleFactor="1" obstacleType="1" fontMinPixelSize="0" labelPerPart="0" obstacle="1" unplacedVisibility="0" maxNumLabels="2000" scaleMin="0"/>
      <dd_properties>
        <Option type="Map">
          <Option value="" name="name" type="QString"/>
          <Option name="properties"/>
          <Option value="collection" name="type" type="QString"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option value="pole_of_inaccessibility" name="anchorPoint" type="QString"/>
          <Option value="0" name="blendMode" type="int"/>
          <Option name="ddProperties" type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
          <Option value="false" name="drawToAllParts" type="bool"/>
          <Option value="0" name="enabled" type="QString"/>
          <Option value="point_on_exterior" name="labelAnchorPoint" type="QString"/>
          <Option value="&lt;symbol alpha=&quot;1&quot; clip_to_extent=&quot;1&quot; name=&quot;symbol&quot; type=&quot;line&quot; force_rhr=&quot;0&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; name=&quot;name&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; name=&quot;type&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer pass=&quot;0&quot; locked=&quot;0&quot; enabled=&quot;1&quot; class=&quot;SimpleLine&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;0&quot; name=&quot;align_dash_pattern&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;square&quot; name=&quot;capstyle&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;5;2&quot; name=&quot;customdash&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;customdash_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;customdash_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;dash_pattern_offset&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;dash_pattern_offset_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;dash_pattern_offset_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;draw_inside_polygon&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;bevel&quot; name=&quot;joinstyle&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;60,60,60,255&quot; name=&quot;line_color&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;solid&quot; name=&quot;line_style&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0.3&quot; name=&quot;line_width&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;line_width_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;offset&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;offset_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;offset_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;ring_filter&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;trim_distance_end&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;trim_distance_end_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;trim_distance_end_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;trim_distance_start&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;trim_distance_start_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;trim_distance_start_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;tweak_dash_pattern_on_corners&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;use_custom_dash&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;width_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;prop v=&quot;0&quot; k=&quot;align_dash_pattern&quot;/>&lt;prop v=&quot;square&quot; k=&quot;capstyle&quot;/>&lt;prop v=&quot;5;2&quot; k=&quot;customdash&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;customdash_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;customdash_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;dash_pattern_offset&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;dash_pattern_offset_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;dash_pattern_offset_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;draw_inside_polygon&quot;/>&lt;prop v=&quot;bevel&quot; k=&quot;joinstyle&quot;/>&lt;prop v=&quot;60,60,60,255&quot; k=&quot;line_color&quot;/>&lt;prop v=&quot;solid&quot; k=&quot;line_style&quot;/>&lt;prop v=&quot;0.3&quot; k=&quot;line_width&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;line_width_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;offset&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;offset_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;offset_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;ring_filter&quot;/>&lt;prop v=&quot;0&quot; k=&quot;trim_distance_end&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;trim_distance_end_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;trim_distance_end_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;trim_distance_start&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;trim_distance_start_map_unit_scale&quot;/>&lt;prop v=&quot;MM&quot; k=&quot;trim_distance_start_unit&quot;/>&lt;prop v=&quot;0&quot; k=&quot;tweak_dash_pattern_on_corners&quot;/>&lt;prop v=&quot;0&quot; k=&quot;use_custom_dash&quot;/>&lt;prop v=&quot;3x:0,0,0,0,0,0&quot; k=&quot;width_map_unit_scale&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; name=&quot;name&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; name=&quot;type&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>" name="lineSymbol" type="QString"/>
          <Option value="0" name="minLength" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="minLengthMapUnitScale" type="QString"/>
          <Option value="MM" name="minLengthUnit" type="QString"/>
          <Option value="0" name="offsetFromAnchor" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="offsetFromAnchorMapUnitScale" type="QString"/>
          <Option value="MM" name="offsetFromAnchorUnit" type="QString"/>
          <Option value="0" name="offsetFromLabel" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="offsetFromLabelMapUnitScale" type="QString"/>
          <Option value="MM" name="offsetFromLabelUnit" type="QString"/>
        </Option>
      </callout>
    </settings>
  </labeling>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="fid" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="uuid" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="commune_code" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="sheet_no" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="parcel_no" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="area" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="legal_area" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="landuse" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="LUC" name="LUC – Đất chuyên trồng lúa nước" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="LUK" name="LUK – Đất trồng lúa nước còn lại" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="LUN" name="LUN – Đất trồng lúa nương" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="BHK" name="BHK – Đất bằng trồng cây hàng năm khác" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="NHK" name="NHK – Đất nương rẫy trồng cây hàng năm khác" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="CLN" name="CLN – Đất trồng cây lâu năm" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="RSX" name="RSX – Đất rừng sản xuất" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="RPH" name="RPH – Đất rừng phòng hộ" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="RDD" name="RDD – Đất rừng đặc dụng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="NTS" name="NTS – Đất nuôi trồng thủy sản" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="LMU" name="LMU – Đất làm muối" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="NKH" name="NKH – Đất nông nghiệp khác" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="ONT" name="ONT – Đất ở tại nông thôn" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="ODT" name="ODT – Đất ở tại đô thị" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="TSC" name="TSC – Đất xây dựng trụ sở cơ quan" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DTS" name="DTS – Đất xây dựng trụ sở của tổ chức sự nghiệp" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DVH" name="DVH – Đất xây dựng cơ sở văn hóa" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DYT" name="DYT – Đất xây dựng cơ sở y tế" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DGD" name="DGD – Đất xây dựng cơ sở giáo dục và đào tạo" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DTT" name="DTT – Đất xây dựng cơ sở thể dục thể thao" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DKH" name="DKH – Đất xây dựng cơ sở khoa học và công nghệ" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DXH" name="DXH – Đất xây dựng cơ sở dịch vụ xã hội" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DNG" name="DNG – Đất xây dựng cơ sở ngoại giao" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DSK" name="DSK – Đất xây dựng công trình sự nghiệp khác" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="CQP" name="CQP – Đất quốc phòng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="CAN" name="CAN – Đất an ninh" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="SKK" name="SKK – Đất khu công nghiệp" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="SKT" name="SKT – Đất khu chế xuất" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="SKN" name="SKN – Đất cụm công nghiệp" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="SKC" name="SKC – Đất cơ sở sản xuất phi nông nghiệp" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="TMD" name="TMD – Đất thương mại, dịch vụ" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="SKS" name="SKS – Đất sử dụng cho hoạt động khoáng sản" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="SKX" name="SKX – Đất sản xuất vật liệu xây dựng, làm đồ gốm" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DGT" name="DGT – Đất giao thông" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DTL" name="DTL – Đất thủy lợi" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DNL" name="DNL – Đất công trình năng lượng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DBV" name="DBV – Đất công trình bưu chính, viễn thông" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DSH" name="DSH – Đất sinh hoạt cộng đồng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DKV" name="DKV – Đất khu vui chơi, giải trí công cộng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DCH" name="DCH – Đất chợ" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DDT" name="DDT – Đất có di tích lịch sử - văn hóa" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DDL" name="DDL – Đất danh lam thắng cảnh" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DRA" name="DRA – Đất bãi thải, xử lý chất thải" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DCK" name="DCK – Đất công trình công cộng khác" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="TON" name="TON – Đất cơ sở tôn giáo" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="TIN" name="TIN – Đất cơ sở tín ngưỡng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="NTD" name="NTD – Đất làm nghĩa trang, nghĩa địa, nhà tang lễ, nhà hỏa táng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="SON" name="SON – Đất sông, ngòi, kênh, rạch, suối" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="MNC" name="MNC – Đất có mặt nước chuyên dùng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="PNK" name="PNK – Đất phi nông nghiệp khác" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="BCS" name="BCS – Đất bằng chưa sử dụng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="DCS" name="DCS – Đất đồi núi chưa sử dụng" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="NCS" name="NCS – Núi đá không có rừng cây" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="address" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="status" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="current" name="Đang sử dụng / Current" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="retired" name="Đã xoá bỏ / Retired" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field name="version" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="valid_from" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="valid_to" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="old_sheet_no" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="old_parcel_no" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="fid" name="" index="0"/>
    <alias field="uuid" name="Mã định danh (UUID)" index="1"/>
    <alias field="commune_code" name="Mã xã" index="2"/>
    <alias field="sheet_no" name="Số hiệu tờ bản đồ" index="3"/>
    <alias field="parcel_no" name="Số thứ tự thửa" index="4"/>
    <alias field="area" name="Diện tích (m²)" index="5"/>
    <alias field="legal_area" name="Diện tích pháp lý (m²)" index="6"/>
    <alias field="landuse" name="Mục đích sử dụng" index="7"/>
    <alias field="address" name="Địa chỉ" index="8"/>
    <alias field="status" name="Trạng thái" index="9"/>
    <alias field="version" name="Phiên bản" index="10"/>
    <alias field="valid_from" name="Thời điểm bắt đầu" index="11"/>
    <alias field="valid_to" name="Thời điểm kết thúc" index="12"/>
    <alias field="old_sheet_no" name="Số hiệu tờ cũ" index="13"/>
    <alias field="old_parcel_no" name="Số thửa cũ" index="14"/>
  </aliases>
  <defaults>
    <default field="fid" expression="" applyOnUpdate="0"/>
    <default field="uuid" expression="" applyOnUpdate="0"/>
    <default field="commune_code" expression="" applyOnUpdate="0"/>
    <default field="sheet_no" expression="" applyOnUpdate="0"/>
    <default field="parcel_no" expression="" applyOnUpdate="0"/>
    <default field="area" expression="round(area($geometry), 1)" applyOnUpdate="1"/>
    <default field="legal_area" expression="" applyOnUpdate="0"/>
    <default field="landuse" expression="" applyOnUpdate="0"/>
    <default field="address" expression="" applyOnUpdate="0"/>
    <default field="status" expression="" applyOnUpdate="0"/>
    <default field="version" expression="" applyOnUpdate="0"/>
    <default field="valid_from" expression="" applyOnUpdate="0"/>
    <default field="valid_to" expression="" applyOnUpdate="0"/>
    <default field="old_sheet_no" expression="" applyOnUpdate="0"/>
    <default field="old_parcel_no" expression="" applyOnUpdate="0"/>
  </defaults>
  <constraints>
    <constraint notnull_strength="1" field="fid" constraints="3" exp_strength="0" unique_strength="1"/>
    <constraint notnull_strength="0" field="uuid" constraints="2" exp_strength="0" unique_strength="1"/>
    <constraint notnull_strength="1" field="commune_code" constraints="5" exp_strength="1" unique_strength="0"/>
    <constraint notnull_strength="1" field="sheet_no" constraints="5" exp_strength="1" unique_strength="0"/>
    <constraint notnull_strength="1" field="parcel_no" constraints="5" exp_strength="1" unique_strength="0"/>
    <constraint notnull_strength="0" field="area" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint notnull_strength="0" field="legal_area" constraints="4" exp_strength="1" unique_strength="0"/>
    <constraint notnull_strength="0" field="landuse" constraints="4" exp_strength="2" unique_strength="0"/>
    <constraint notnull_strength="0" field="address" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint notnull_strength="0" field="status" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint notnull_strength="0" field="version" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint notnull_strength="0" field="valid_from" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint notnull_strength="0" field="valid_to" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint notnull_strength="0" field="old_sheet_no" constraints="0" exp_strength="0" unique_strength="0"/>
    <constraint notnull_strength="0" field="old_parcel_no" constraints="0" exp_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="fid"/>
    <constraint exp="" desc="" field="uuid"/>
    <constraint exp="regexp_match(&quot;commune_code&quot;, '^[0-9]{5}$') > 0" desc="Mã xã gồm 5 chữ số / The commune code has 5 digits" field="commune_code"/>
    <constraint exp="&quot;sheet_no&quot; > 0" desc="Số hiệu tờ bản đồ là số nguyên dương / A positive whole number" field="sheet_no"/>
    <constraint exp="&quot;parcel_no&quot; > 0" desc="Số thửa là số nguyên dương / A positive whole number" field="parcel_no"/>
    <constraint exp="" desc="" field="area"/>
    <constraint exp="&quot;legal_area&quot; IS NULL OR &quot;legal_area&quot; > 0" desc="Diện tích pháp lý lớn hơn 0 / The legal area is positive" field="legal_area"/>
    <constraint exp="array_all(array('LUC', 'LUK', 'LUN', 'BHK', 'NHK', 'CLN', 'RSX', 'RPH', 'RDD', 'NTS', 'LMU', 'NKH', 'ONT', 'ODT', 'TSC', 'DTS', 'DVH', 'DYT', 'DGD', 'DTT', 'DKH', 'DXH', 'DNG', 'DSK', 'CQP', 'CAN', 'SKK', 'SKT', 'SKN', 'SKC', 'TMD', 'SKS', 'SKX', 'DGT', 'DTL', 'DNL', 'DBV', 'DSH', 'DKV', 'DCH', 'DDT', 'DDL', 'DRA', 'DCK', 'TON', 'TIN', 'NTD', 'SON', 'MNC', 'PNK', 'BCS', 'DCS', 'NCS'), string_to_array(trim(&quot;landuse&quot;), '+'))" desc="Mã loại đất phải thuộc danh mục tt25_2014, nhiều mã nối bằng '+' (ví dụ ONT+CLN) / Land-use codes of the code list, joined with '+'" field="landuse"/>
    <constraint exp="" desc="" field="address"/>
    <constraint exp="" desc="" field="status"/>
    <constraint exp="" desc="" field="version"/>
    <constraint exp="" desc="" field="valid_from"/>
    <constraint exp="" desc="" field="valid_to"/>
    <constraint exp="" desc="" field="old_sheet_no"/>
    <constraint exp="" desc="" field="old_parcel_no"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>tablayout</editorlayout>
  <attributeEditorForm>
    <attributeEditorContainer columnCount="1" groupBox="1" visibilityExpression="" visibilityExpressionEnabled="0" showLabel="1" name="Thửa đất / Parcel">
      <attributeEditorField showLabel="1" name="sheet_no" index="3"/>
      <attributeEditorField showLabel="1" name="parcel_no" index="4"/>
      <attributeEditorField showLabel="1" name="commune_code" index="2"/>
      <attributeEditorField showLabel="1" name="landuse" index="7"/>
      <attributeEditorField showLabel="1" name="address" index="8"/>
    </attributeEditorContainer>
    <attributeEditorContainer columnCount="1" groupBox="1" visibilityExpression="" visibilityExpressionEnabled="0" showLabel="1" name="Diện tích / Area">
      <attributeEditorField showLabel="1" name="area" index="5"/>
      <attributeEditorField showLabel="1" name="legal_area" index="6"/>
    </attributeEditorContainer>
    <attributeEditorContainer columnCount="1" groupBox="1" visibilityExpression="" visibilityExpressionEnabled="0" showLabel="1" name="Lịch sử / History">
      <attributeEditorField showLabel="1" name="status" index="9"/>
      <attributeEditorField showLabel="1" name="version" index="10"/>
      <attributeEditorField showLabel="1" name="valid_from" index="11"/>
      <attributeEditorField showLabel="1" name="valid_to" index="12"/>
      <attributeEditorField showLabel="1" name="old_sheet_no" index="13"/>
      <attributeEditorField showLabel="1" name="old_parcel_no" index="14"/>
      <attributeEditorField showLabel="1" name="uuid" index="1"/>
    </attributeEditorContainer>
  </attributeEditorForm>
  <editable>
    <field editable="0" name="area"/>
    <field editable="0" name="status"/>
    <field editable="0" name="uuid"/>
    <field editable="0" name="valid_from"/>
    <field editable="0" name="valid_to"/>
    <field editable="0" name="version"/>
  </editable>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression>"sheet_no" || '/' || "parcel_no"</previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>2</layerGeometryType>
</qgis>
