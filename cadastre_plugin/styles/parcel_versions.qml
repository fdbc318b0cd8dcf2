<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyDrawingHints="1" simplifyLocal="1" minScale="100000000" labelsEnabled="0" simplifyDrawingTol="1" readOnly="0" version="3.22.16-Białowieża" simplifyAlgorithm="0" maxScale="0" simplifyMaxScale="1" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" symbologyReferenceScale="-1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal durationUnit="min" endExpression="" fixedDuration="0" endField="" enabled="0" limitMode="0" mode="0" startField="" startExpression="" durationField="" accumulate="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 type="singleSymbol" symbollevels="0" referencescale="-1" enableorderby="0" forceraster="0">
    <symbols>
      <symbol type="fill" name="0" force_rhr="0" alpha="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer pass="0" enabled="1" class="SimpleFill" locked="0">
          <Option type="Map">
            <Option type="QString" name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="color" value="255,255,255,0"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="136,136,136,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="style" value="solid"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="255,255,255,0" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="136,136,136,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions removeDuplicateNodes="0" geometryPrecision="0">
    <activeChecks type="StringList">
      <Option type="QString" value=""/>
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
      <editWidget type="">
        <config>
          <Option/>
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
      <editWidget type="">
        <config>
          <Option/>
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
    <field name="transaction_uuid" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="" index="0" field="fid"/>
    <alias name="Mã định danh (UUID)" index="1" field="uuid"/>
    <alias name="Mã xã" index="2" field="commune_code"/>
    <alias name="Số hiệu tờ bản đồ" index="3" field="sheet_no"/>
    <alias name="Số thứ tự thửa" index="4" field="parcel_no"/>
    <alias name="Diện tích (m²)" index="5" field="area"/>
    <alias name="Diện tích pháp lý (m²)" index="6" field="legal_area"/>
    <alias name="Mục đích sử dụng" index="7" field="landuse"/>
    <alias name="Địa chỉ" index="8" field="address"/>
    <alias name="Trạng thái" index="9" field="status"/>
    <alias name="Phiên bản" index="10" field="version"/>
    <alias name="Thời điểm bắt đầu" index="11" field="valid_from"/>
    <alias name="Thời điểm kết thúc" index="12" field="valid_to"/>
    <alias name="Số hiệu tờ cũ" index="13" field="old_sheet_no"/>
    <alias name="Số thửa cũ" index="14" field="old_parcel_no"/>
    <alias name="" index="15" field="transaction_uuid"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="fid"/>
    <default applyOnUpdate="0" expression="" field="uuid"/>
    <default applyOnUpdate="0" expression="" field="commune_code"/>
    <default applyOnUpdate="0" expression="" field="sheet_no"/>
    <default applyOnUpdate="0" expression="" field="parcel_no"/>
    <default applyOnUpdate="0" expression="" field="area"/>
    <default applyOnUpdate="0" expression="" field="legal_area"/>
    <default applyOnUpdate="0" expression="" field="landuse"/>
    <default applyOnUpdate="0" expression="" field="address"/>
    <default applyOnUpdate="0" expression="" field="status"/>
    <default applyOnUpdate="0" expression="" field="version"/>
    <default applyOnUpdate="0" expression="" field="valid_from"/>
    <default applyOnUpdate="0" expression="" field="valid_to"/>
    <default applyOnUpdate="0" expression="" field="old_sheet_no"/>
    <default applyOnUpdate="0" expression="" field="old_parcel_no"/>
    <default applyOnUpdate="0" expression="" field="transaction_uuid"/>
  </defaults>
  <constraints>
    <constraint notnull_strength="1" field="fid" constraints="3" unique_strength="1" exp_strength="0"/>
    <constraint notnull_strength="1" field="uuid" constraints="1" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="1" field="commune_code" constraints="1" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="1" field="sheet_no" constraints="1" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="1" field="parcel_no" constraints="1" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" field="area" constraints="0" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" field="legal_area" constraints="0" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" field="landuse" constraints="0" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" field="address" constraints="0" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="1" field="status" constraints="1" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="1" field="version" constraints="1" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" field="valid_from" constraints="0" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" field="valid_to" constraints="0" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" field="old_sheet_no" constraints="0" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" field="old_parcel_no" constraints="0" unique_strength="0" exp_strength="0"/>
    <constraint notnull_strength="0" field="transaction_uuid" constraints="0" unique_strength="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="fid"/>
    <constraint exp="" desc="" field="uuid"/>
    <constraint exp="" desc="" field="commune_code"/>
    <constraint exp="" desc="" field="sheet_no"/>
    <constraint exp="" desc="" field="parcel_no"/>
    <constraint exp="" desc="" field="area"/>
    <constraint exp="" desc="" field="legal_area"/>
    <constraint exp="" desc="" field="landuse"/>
    <constraint exp="" desc="" field="address"/>
    <constraint exp="" desc="" field="status"/>
    <constraint exp="" desc="" field="version"/>
    <constraint exp="" desc="" field="valid_from"/>
    <constraint exp="" desc="" field="valid_to"/>
    <constraint exp="" desc="" field="old_sheet_no"/>
    <constraint exp="" desc="" field="old_parcel_no"/>
    <constraint exp="" desc="" field="transaction_uuid"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortOrder="0" sortExpression="" actionWidgetStyle="dropDown">
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
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression>"sheet_no" || '/' || "parcel_no" || ' (' || "valid_to" || ')'</previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>2</layerGeometryType>
</qgis>
