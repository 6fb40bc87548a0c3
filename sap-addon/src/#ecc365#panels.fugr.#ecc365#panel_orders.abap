FUNCTION /ecc365/panel_orders.
*"----------------------------------------------------------------------
*"*"Remote-Enabled Module:
*"*"Local Interface:
*"  IMPORTING
*"     VALUE(CUSTOMER_NUMBER) TYPE  KUNNR
*"     VALUE(SALES_ORGANIZATION) TYPE  VKORG
*"     VALUE(DATE_FROM) TYPE  AUDAT OPTIONAL
*"     VALUE(DATE_TO) TYPE  AUDAT OPTIONAL
*"     VALUE(MAX_DOCUMENTS) TYPE  INT4 DEFAULT 50
*"  EXPORTING
*"     VALUE(RETURN) TYPE  BAPIRETURN
*"     VALUE(DOCUMENTS_FOUND) TYPE  INT4
*"  TABLES
*"      ORDER_HEADERS_OUT STRUCTURE  /ECC365/S_ORDER_HEADER OPTIONAL
*"      ORDER_ITEMS_OUT STRUCTURE  /ECC365/S_ORDER_ITEM OPTIONAL
*"      ORDER_SCHEDULES_OUT STRUCTURE  /ECC365/S_ORDER_SCHEDULE OPTIONAL
*"      ORDER_BUSINESS_OUT STRUCTURE  /ECC365/S_ORDER_BUSINESS OPTIONAL
*"      ORDER_STATUSHEADERS_OUT STRUCTURE  /ECC365/S_ORDER_STATUS
*"       OPTIONAL
*"      ORDER_STATUSITEMS_OUT STRUCTURE  /ECC365/S_ORDER_ITEM_STATUS
*"       OPTIONAL
*"      ORDER_FLOWS_OUT STRUCTURE  /ECC365/S_ORDER_FLOW OPTIONAL
*"----------------------------------------------------------------------

  DATA lt_lines TYPE STANDARD TABLE OF bapiorders.
  DATA lt_documents TYPE STANDARD TABLE OF sales_key.
  DATA ls_document TYPE sales_key.
  DATA ls_view TYPE order_view.
  DATA lt_headers TYPE STANDARD TABLE OF bapisdhd.
  DATA lt_items TYPE STANDARD TABLE OF bapisdit.
  DATA lt_schedules TYPE STANDARD TABLE OF bapisdhedu.
  DATA lt_business TYPE STANDARD TABLE OF bapisdbusi.
  DATA lt_status_headers TYPE STANDARD TABLE OF bapisdhdst.
  DATA lt_status_items TYPE STANDARD TABLE OF bapisditst.
  DATA lt_flows TYPE STANDARD TABLE OF bapisdflow.
  DATA ls_header TYPE /ecc365/s_order_header.
  DATA ls_item TYPE /ecc365/s_order_item.
  DATA ls_schedule TYPE /ecc365/s_order_schedule.
  DATA ls_business TYPE /ecc365/s_order_business.
  DATA ls_status_header TYPE /ecc365/s_order_status.
  DATA ls_status_item TYPE /ecc365/s_order_item_status.
  DATA ls_flow TYPE /ecc365/s_order_flow.
  FIELD-SYMBOLS <ls_line> TYPE bapiorders.
  FIELD-SYMBOLS <ls_header> TYPE bapisdhd.
  FIELD-SYMBOLS <ls_item> TYPE bapisdit.
  FIELD-SYMBOLS <ls_schedule> TYPE bapisdhedu.
  FIELD-SYMBOLS <ls_business> TYPE bapisdbusi.
  FIELD-SYMBOLS <ls_status_header> TYPE bapisdhdst.
  FIELD-SYMBOLS <ls_status_item> TYPE bapisditst.
  FIELD-SYMBOLS <ls_flow> TYPE bapisdflow.

  " TABLES parameters travel both ways over RFC: answer only with what is read here.
  CLEAR: order_headers_out[], order_items_out[], order_schedules_out[], order_business_out[],
         order_statusheaders_out[], order_statusitems_out[], order_flows_out[].

  CALL FUNCTION 'BAPI_SALESORDER_GETLIST'
    EXPORTING
      customer_number    = customer_number
      sales_organization = sales_organization
      document_date      = date_from
      document_date_to   = date_to
      transaction_group  = '0'
    IMPORTING
      return             = return
    TABLES
      sales_orders       = lt_lines.
  IF return-type = 'E' OR return-type = 'A'.
    RETURN.
  ENDIF.

  " The list has one line per item; the lines of one order share its date, so after sorting
  " they are adjacent and each order is kept once, newest first.
  SORT lt_lines BY doc_date DESCENDING sd_doc DESCENDING.
  DELETE ADJACENT DUPLICATES FROM lt_lines COMPARING sd_doc.
  documents_found = lines( lt_lines ).

  LOOP AT lt_lines ASSIGNING <ls_line> TO max_documents.
    ls_document-vbeln = <ls_line>-sd_doc.
    APPEND ls_document TO lt_documents.
  ENDLOOP.
  IF lt_documents IS INITIAL.
    RETURN.
  ENDIF.

  " The parts the orders panel shows, nothing more: partners, conditions and texts stay unread.
  ls_view-header = abap_true.
  ls_view-item = abap_true.
  ls_view-sdschedule = abap_true.
  ls_view-business = abap_true.
  ls_view-status_h = abap_true.
  ls_view-status_i = abap_true.
  ls_view-flow = abap_true.

  CALL FUNCTION 'BAPISDORDER_GETDETAILEDLIST'
    EXPORTING
      i_bapi_view             = ls_view
    TABLES
      sales_documents         = lt_documents
      order_headers_out       = lt_headers
      order_items_out         = lt_items
      order_schedules_out     = lt_schedules
      order_business_out      = lt_business
      order_statusheaders_out = lt_status_headers
      order_statusitems_out   = lt_status_items
      order_flows_out         = lt_flows.

  " Only the fields the panel shows cross the wire: each row cut to the add-on's structure.
  LOOP AT lt_headers ASSIGNING <ls_header>.
    MOVE-CORRESPONDING <ls_header> TO ls_header.
    APPEND ls_header TO order_headers_out.
  ENDLOOP.
  LOOP AT lt_items ASSIGNING <ls_item>.
    MOVE-CORRESPONDING <ls_item> TO ls_item.
    APPEND ls_item TO order_items_out.
  ENDLOOP.
  LOOP AT lt_schedules ASSIGNING <ls_schedule>.
    MOVE-CORRESPONDING <ls_schedule> TO ls_schedule.
    APPEND ls_schedule TO order_schedules_out.
  ENDLOOP.
  LOOP AT lt_business ASSIGNING <ls_business>.
    MOVE-CORRESPONDING <ls_business> TO ls_business.
    APPEND ls_business TO order_business_out.
  ENDLOOP.
  LOOP AT lt_status_headers ASSIGNING <ls_status_header>.
    MOVE-CORRESPONDING <ls_status_header> TO ls_status_header.
    APPEND ls_status_header TO order_statusheaders_out.
  ENDLOOP.
  LOOP AT lt_status_items ASSIGNING <ls_status_item>.
    MOVE-CORRESPONDING <ls_status_item> TO ls_status_item.
    APPEND ls_status_item TO order_statusitems_out.
  ENDLOOP.
  LOOP AT lt_flows ASSIGNING <ls_flow>.
    MOVE-CORRESPONDING <ls_flow> TO ls_flow.
    APPEND ls_flow TO order_flows_out.
  ENDLOOP.

ENDFUNCTION.
